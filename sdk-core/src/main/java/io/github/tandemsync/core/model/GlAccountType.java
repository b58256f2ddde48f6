package io.github.tandemsync.core.model;

/**
 * Kind of a {@link GlAccount} (Exchequer {@code glType}).
 */
public enum GlAccountType {
  /** Profit and loss account (Exchequer {@code A}). */
  PROFIT_AND_LOSS,
  /** Balance sheet account (Exchequer {@code B}). */
  BALANCE_SHEET,
  /** Control account (Exchequer {@code C}). */
  CONTROL,
  /** Carry-forward account (Exchequer {@code F}). */
  CARRY_FORWARD,
  /** Heading: a parent node that groups accounts, never posted to (Exchequer {@code H}). */
  HEADING
}
