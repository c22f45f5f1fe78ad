setInterval(()=>{},1000);
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs'; import { tmpdir } from 'node:os'; import { join } from 'node:path';
import { CdpHub } from './e2e/cdp.ts';
const ext='/tmp/fx';
const t0=Date.now();
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(),'x-')), {executablePath:'/usr/bin/chromium', headless:true,
 args:['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync',`--disable-extensions-except=${ext}`,`--load-extension=${ext}`]});
ctx.on('console', m=>console.log('[ctx console]', m.type(), m.text(), m.worker()?.url?.() ?? m.page()?.url()));
const sw = ctx.serviceWorkers()[0] ?? await ctx.waitForEvent('serviceworker');
console.log('sw', sw.url(), Date.now()-t0);
const id=new URL(sw.url()).host;
console.log('browser()', !!ctx.browser());
const bs = await ctx.browser()!.newBrowserCDPSession();
const hub=new CdpHub(bs);
console.log((await hub.targets()).map(t=>t.type+' '+t.url));
// init script
await ctx.addInitScript(()=>{ (window as any).__init=1; });
const p=await ctx.newPage(); await p.goto(`chrome-extension://${id}/p.html`);
console.log('init ran in ext page', await p.evaluate(()=> (window as any).__init), await p.evaluate(()=>(window as any).__firstRenderMs));
// eval under CSP
console.log('eval string', await p.evaluate('1+1'));
// grant
const ext2=await ctx.newPage(); await ext2.goto(`chrome://extensions/?id=${id}`);
await ext2.evaluate(([id])=> (chrome as any).developerPrivate.addHostPermission(id, 'http://127.0.0.1:5555/*'), [id]);
console.log('info', await ext2.evaluate(([id])=> (chrome as any).developerPrivate.getExtensionInfo(id).then((i:any)=>i.permissions), [id]));
const granted = await p.evaluate(()=> chrome.permissions.request({origins:['http://127.0.0.1:5555/*']}));
console.log('granted', granted, await p.evaluate(()=> chrome.permissions.getAll()));
p.on('close',()=>console.log('P CLOSED'));ext2.on('close',()=>console.log('EXT2 CLOSED'));const keep=await ctx.newPage();keep.on('close',()=>console.log('KEEP CLOSED'));
await sw.evaluate(()=>{(self as any).__marker=42});
// kill sw
const swT=(await hub.targets()).find(t=>t.type==='service_worker')!;
const closed=new Promise(r=>sw.once('close',r));
const ps = await ctx.newCDPSession(p);
try { await ps.send('ServiceWorker.enable' as any); await ps.send('ServiceWorker.stopAllWorkers' as any); console.log('stopAllWorkers ok'); } catch(e:any) { console.log('stopAll err', e.message); }
await new Promise(r=>setTimeout(r,300)); console.log('after stop workers', ctx.serviceWorkers().length, (await hub.targets()).filter(t=>t.type==='service_worker'));
ctx.on('close',()=>console.log('CTX CLOSED'));
console.log('pages', ctx.pages().map(x=>x.url()), p.isClosed());
console.log('targets', (await hub.targets()).map(t=>t.type+' '+t.url));
const nsw = null as any; //.catch(e=>{console.log('wait err', e.message); return null as any});
console.log('ping', await p.evaluate(()=>chrome.runtime.sendMessage({a:1})).catch(e=>'ERR '+e.message));
console.log('same-object eval', await sw.evaluate(()=>(self as any).__marker ?? 'fresh').catch(e=>'ERR '+e.message), ctx.serviceWorkers().length); const sw2=sw;
// real popup
await sw2.evaluate(()=>chrome.action.openPopup());
const pt=await hub.waitForTarget(t=>t.type==='page' && t.url.endsWith('p.html') && !t.attached);
console.log('popup target', pt);
const ch=await hub.attach(pt);
console.log('popup eval', await ch.evaluate('document.body.dataset.ready + " " + window.__firstRenderMs + " " + innerWidth'));
await new Promise(r=>setTimeout(r,300));
await ctx.close();
console.log('total', Date.now()-t0);
