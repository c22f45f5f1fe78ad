import type { HTMLAttributes } from 'preact';
import { hueFor, initials } from './text.ts';

interface AvatarProps {
  /** Seeds the fallback colour so it is stable per entity. */
  id: string;
  name: string;
  /** A `data:image/…` URL handed over by the worker; anything else is ignored. */
  src?: string | null;
  large?: boolean;
  /** Accessible name; omit when the name is already next to the avatar. */
  label?: string;
}

/**
 * Only inline image data of the types the worker hands over (avatar.ts): an avatar URL on the Space host
 * would need the token, which pages never have.
 */
export const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/;

export function Avatar({ id, name, src, large, label }: AvatarProps) {
  const className = large ? 'avatar large' : 'avatar';
  const a11y: HTMLAttributes<HTMLSpanElement> = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true };
  if (src && DATA_IMAGE.test(src)) {
    return (
      <span class={className} {...a11y}>
        <img src={src} alt="" />
      </span>
    );
  }
  // 30 % lightness keeps white initials above 4.5:1 on every hue.
  return (
    <span class={className} style={{ background: `hsl(${hueFor(id)} 50% 30%)` }} {...a11y}>
      {initials(name)}
    </span>
  );
}
