import type { Tone } from '@/lib/format/tone';
import { toneClasses } from './tone';

const wrapClasses = {
  /** Never breaks inside the label. */
  nowrap: 'whitespace-nowrap',
  /** Breaks inside its own box when the column is narrow, keeping the padding around each line. */
  block: 'inline-block',
  /** Breaks like the text around it. */
  text: '',
} as const;

const sizeClasses = { sm: 'text-sm', inherit: '' } as const;

interface BadgeProps {
  tone: Tone;
  label: string;
  /** What the label means, shown on hover. */
  title?: string;
  wrap?: keyof typeof wrapClasses;
  size?: keyof typeof sizeClasses;
}

/** A labelled badge; the label, not the colour, carries the meaning. */
export function Badge({ tone, label, title, wrap = 'text', size = 'sm' }: BadgeProps) {
  const classes = [wrapClasses[wrap], 'rounded px-2 py-0.5 font-medium', sizeClasses[size], toneClasses[tone]];
  return (
    <span title={title} className={classes.filter(Boolean).join(' ')}>
      {label}
    </span>
  );
}
