/** Budget per measured entry, in gzip bytes (see sizeBudgets.js). */
export declare const BUDGETS: Readonly<Record<'AddEmailFlow' | 'ResetPasswordFlow' | 'flows' | 'protocol' | 'css', number>>;
