package io.quire.kernel.audit;

/**
 * What a verification found: how many events it checked, the head it checked up to (for one
 * aggregate: its last event's position and stream seal), and the first link that does not hold, or
 * null when every one does.
 */
public record SealCheck(long checked, SealedHead head, BrokenLink firstBroken) {

  /**
   * A link that does not hold: the event where the chain breaks (its global sequence, aggregate and
   * sequence from 1, each null when the event itself is gone) and why, in words.
   */
  public record BrokenLink(Long globalSequence, String aggregateId, Long sequence, String reason) {}
}
