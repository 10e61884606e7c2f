/** The outcome of substituting `${VAR}` references into one string value. */
export interface Substitution {
  value: string;
  /** True when at least one `${…}` reference was replaced (from the environment or a default). */
  substituted: boolean;
  /** Variables whose environment value went into `value`: that value must never be printed. */
  fromEnv: string[];
  /** Variables referenced without a default that are not set. */
  missing: string[];
  /** Set when a `${` is not a valid reference; the text says what is wrong. */
  malformed?: string;
}

const REFERENCE = /\$\$\{|\$\{([^}]*)\}|\$\{/g;
const BODY = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s;

/**
 * Replaces `${VAR}` and `${VAR:-default}` in `text`; `$${` is a literal `${`. As in the shell,
 * `:-` also uses the default when the variable is set but empty. A default runs to the first `}`.
 */
export function substituteVariables(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
): Substitution {
  const result: Substitution = { value: '', substituted: false, fromEnv: [], missing: [] };
  result.value = text.replace(REFERENCE, (match, body: string | undefined) => {
    if (match === '$${') return '${';
    const parts = body === undefined ? null : BODY.exec(body);
    if (!parts) {
      result.malformed ??=
        body === undefined
          ? `has "\${" without a closing "}" (write "$\${" for a literal "\${")`
          : `has an invalid reference: use \${NAME} or \${NAME:-default} (write "$\${" for a literal "\${")`;
      return match;
    }
    const [, name, fallback] = parts as unknown as [string, string, string | undefined];
    result.substituted = true;
    const value = env[name];
    if (fallback !== undefined && !value) return fallback;
    if (value === undefined) {
      if (!result.missing.includes(name)) result.missing.push(name);
      return '';
    }
    if (!result.fromEnv.includes(name)) result.fromEnv.push(name);
    return value;
  });
  return result;
}
