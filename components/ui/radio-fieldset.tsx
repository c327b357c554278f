import type { ReactNode } from "react";

type Option = { value: string; label: string; hint?: ReactNode };

type RadioFieldsetProps = {
  id: string;
  name: string;
  legend: string;
  options: readonly Option[];
  defaultValue: string;
  error?: string;
};

/**
 * One choice among a few, as native radio buttons in a fieldset: the legend names the group, each option's hint
 * and the group's error are announced with the option (aria-describedby), as Field does for an input. (No
 * aria-invalid: a radio does not support it.)
 */
export function RadioFieldset({ id, name, legend, options, defaultValue, error }: RadioFieldsetProps) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset id={id} className="space-y-2">
      <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">{legend}</legend>
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        const hintId = option.hint ? `${optionId}-hint` : undefined;
        return (
          <div key={option.value} className="flex items-start gap-2">
            <input
              type="radio"
              id={optionId}
              name={name}
              value={option.value}
              defaultChecked={option.value === defaultValue}
              aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
              className="mt-0.5 size-4 shrink-0 accent-blue-700"
            />
            <div>
              <label htmlFor={optionId} className="block text-sm text-slate-800 dark:text-slate-200">
                {option.label}
              </label>
              {option.hint && (
                <p id={hintId} className="text-xs text-slate-600 dark:text-slate-400">
                  {option.hint}
                </p>
              )}
            </div>
          </div>
        );
      })}
      {error && (
        <p id={errorId} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
