package io.fruits.spark;

import java.io.Serializable;

/**
 * A listed image as read on an executor: its encoded bytes, or, with null bytes, why it could not
 * be read ({@link io.fruits.core.ImageFiles#readInto}), which makes it a reject.
 */
record ReadImage(String id, byte[] bytes, String unreadable) implements Serializable {}
