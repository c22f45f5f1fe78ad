import { displayText, MAX_TEXT } from './text.ts';

interface TextProps {
  value: unknown;
  max?: number;
  class?: string;
}

/**
 * A piece of Space-provided text: cleaned, length-capped, direction-isolated.
 * Rendered as a text node by Preact, so markup in it stays inert.
 */
export function Text({ value, max = MAX_TEXT, class: className }: TextProps) {
  return <bdi class={className}>{displayText(value, max)}</bdi>;
}
