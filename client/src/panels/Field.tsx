import type { ReactNode } from 'react';

/** A labelled control. The label wraps the control, so clicking the label focuses it and screen readers name it. */
export function Field({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is `children`, which the rule cannot see into
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
    </label>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'date';
  placeholder?: string;
  testId?: string;
}

/** A labelled single-line text (or date) input. */
export function TextField({ label, value, onChange, type = 'text', placeholder, testId }: TextFieldProps) {
  return (
    <Field label={label}>
      <input
        className="input"
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        data-testid={testId}
      />
    </Field>
  );
}
