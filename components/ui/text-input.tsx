import { controlClasses, type FieldControlProps } from './field';

interface TextInputProps extends FieldControlProps {
  value: string;
  onValueChange: (value: string) => void;
  /** The keyboard a phone shows; the value stays text either way, so the form can say what is wrong with it. */
  inputMode?: 'numeric' | 'decimal' | 'text';
}

/** A one-line text input inside a Field, with no browser autofill (values here are names and numbers, not personal data). */
export function TextInput({ value, onValueChange, inputMode = 'text', ...control }: TextInputProps) {
  return (
    <input
      {...control}
      type="text"
      inputMode={inputMode}
      autoComplete="off"
      className={controlClasses}
      value={value}
      onChange={(event) => onValueChange(event.target.value)}
    />
  );
}
