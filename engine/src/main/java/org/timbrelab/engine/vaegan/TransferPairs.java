package org.timbrelab.engine.vaegan;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Which domain's crops each step transfers into which ({@link VaeGanStep}). By default every source picks one random
 * other target (a derangement: n pairs, each domain receives one transfer). With a <em>hub</em> — the domain a product
 * converts from, the voice — every step transfers the hub into every other domain and every other domain into the hub
 * (2(n − 1) pairs), and no instrument into another: with four domains and a derangement the voice → violin transfer a
 * user hears is trained on a third of the steps, with a hub on every one (docs/ARCHITECTURE.md, "The training step").
 */
public final class TransferPairs {
    /** No hub: one random target per source. */
    public static final int NO_HUB = -1;

    private final int n;
    private final int hub;

    /** @param hub the hub domain's index, or {@link #NO_HUB} */
    public TransferPairs(int n, int hub) {
        if (n < 2) throw new IllegalArgumentException("transfers need at least 2 domains, got " + n);
        if (hub != NO_HUB && (hub < 0 || hub >= n)) throw new IllegalArgumentException("hub " + hub + " is not one of the " + n + " domains");
        this.n = n;
        this.hub = hub;
    }

    /**
     * This step's pairs {source, target}, sorted by source, then target; draws from {@code rng} only without a hub (as
     * every run before hubs did, so their steps are unchanged).
     */
    public List<int[]> draw(Random rng) {
        List<int[]> pairs = new ArrayList<>();
        if (hub == NO_HUB) {
            int[] target = derangement(n, rng);
            for (int a = 0; a < n; a++) pairs.add(new int[] {a, target[a]});
            return pairs;
        }
        for (int a = 0; a < n; a++)
            for (int k = 0; k < n; k++)
                if (a != k && (a == hub || k == hub)) pairs.add(new int[] {a, k});
        return pairs;
    }

    /** A random permutation with no fixed point: each domain's transfer target (uniform over derangements). */
    static int[] derangement(int n, Random rng) {
        int[] p = new int[n];
        while (true) {
            for (int i = 0; i < n; i++) p[i] = i;
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = p[i]; p[i] = p[j]; p[j] = t;
            }
            boolean ok = true;
            for (int i = 0; i < n; i++) ok &= p[i] != i;
            if (ok) return p;
        }
    }
}
