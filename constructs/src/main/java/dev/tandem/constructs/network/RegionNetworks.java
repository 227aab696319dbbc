package dev.tandem.constructs.network;

import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The networks built so far in one app, held by a node at the app's root (the construct library's
 * singleton pattern), so that each new network is compared with the others without walking the
 * whole tree: a deployment of 50 apps spent about a second in tree walks otherwise.
 */
final class RegionNetworks extends Construct {
    private static final String ID = "tandem-region-networks";
    private final List<RegionNetwork> built = new ArrayList<>();

    private RegionNetworks(Construct root) {
        super(root, ID);
    }

    /** @return the registry of the app {@code member} belongs to, created on first use */
    static RegionNetworks of(IConstruct member) {
        IConstruct root = member.getNode().getRoot();
        return root.getNode().tryFindChild(ID) instanceof RegionNetworks found ? found
                : new RegionNetworks((Construct) root);
    }

    /** @return the networks built before, in order */
    List<RegionNetwork> built() {
        return List.copyOf(built);
    }

    /** Records a network that passed validation and was built. */
    void add(RegionNetwork network) {
        built.add(network);
    }
}
