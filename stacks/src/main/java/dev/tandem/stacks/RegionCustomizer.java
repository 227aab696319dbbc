package dev.tandem.stacks;

/**
 * A hook that adjusts one construct's builder in every region, after Tandem has set what it derives
 * (network, health contract, backends) and before the construct is built. The region is passed so a
 * hook can differ per region; for the DR symmetry the pass checks, prefer the same settings in all.
 *
 * <pre>{@code
 * .haproxy((region, tier) -> tier.balance(Balance.LEASTCONN).instances(3))
 * }</pre>
 *
 * @param <B> the construct's builder type
 */
@FunctionalInterface
public interface RegionCustomizer<B> {

    /**
     * @param region  the region being built
     * @param builder the construct's builder, with Tandem's settings already applied
     */
    void customize(RegionSpec region, B builder);

    /** @return a hook that changes nothing */
    static <B> RegionCustomizer<B> none() {
        return (region, builder) -> { };
    }
}
