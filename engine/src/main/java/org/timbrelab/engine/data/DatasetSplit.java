package org.timbrelab.engine.data;

/** A domain split by file into training and validation chunks (see {@link DomainDataset#split}). */
public record DatasetSplit(ChunkSet train, ChunkSet validation) { }
