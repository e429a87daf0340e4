/** A gzip byte count per measured entry (see sizeBudgets.js). */
type SizeTable = { AddEmailFlow: number; ResetPasswordFlow: number; flows: number; protocol: number; css: number };
/** Issue #12's targets (printed, with their gaps). */
export declare const TARGETS: SizeTable;
/** The ceilings the tests hold (see sizeBudgets.js). */
export declare const BUDGETS: SizeTable;
