/**
 * A `$fields` selection (`id,name(firstName,lastName),data(…)`, src/space/fields.ts) as a tree, so the fuzz can
 * build answers shaped like what the client asked for — the selection is the mapper's own, so a field a mapper
 * starts to read (and ask for) is fuzzed without anyone touching the fuzz.
 */
export interface FieldNode {
  name: string;
  children: FieldNode[] | null;
}

export function parseFields(selection: string): FieldNode[] {
  let at = 0;
  const list = (): FieldNode[] => {
    const out: FieldNode[] = [];
    while (at < selection.length) {
      let name = '';
      while (at < selection.length && !',()'.includes(selection[at]!)) name += selection[at++];
      let children: FieldNode[] | null = null;
      if (selection[at] === '(') {
        at++;
        children = list();
        at++; // ')'
      }
      if (name !== '') out.push({ name: name.trim(), children });
      if (selection[at] === ',') {
        at++;
        continue;
      }
      break; // ')' or the end
    }
    return out;
  };
  return list();
}
