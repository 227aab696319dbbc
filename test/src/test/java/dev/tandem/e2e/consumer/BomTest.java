package dev.tandem.e2e.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The BOM a user imports pins exactly what the build is tested with: the parent's versions. */
class BomTest {
    private static final Path ROOT = Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();

    @Test
    void everyVersionTheBomPinsIsTheOneTheBuildUses() throws Exception {
        Document parent = parse(ROOT.resolve("pom.xml"));
        Map<String, String> expected = new LinkedHashMap<>();
        String tandem = text(parent.getDocumentElement(), "version");
        expected.put("dev.tandem:tandem-stacks", tandem);
        expected.put("dev.tandem:tandem-constructs", tandem);
        expected.put("dev.tandem:tandem-providers", tandem);
        expected.put("com.hashicorp:cdktf", property(parent, "cdktf.version"));
        expected.put("software.constructs:constructs", property(parent, "constructs.version"));
        expected.put("software.amazon.jsii:jsii-runtime", property(parent, "jsii-runtime.version"));
        expected.put("org.jetbrains:annotations", property(parent, "jetbrains-annotations.version"));
        expected.put("javax.annotation:javax.annotation-api", property(parent, "javax-annotation-api.version"));
        expected.put("com.github.seancfoley:ipaddress", property(parent, "ipaddress.version"));
        expected.put("com.fasterxml.jackson:jackson-bom", property(parent, "jackson.version"));
        expected.put("io.fabric8:kubernetes-client-bom", property(parent, "fabric8-kubernetes.version"));

        Document bom = parse(ROOT.resolve("bom/pom.xml"));
        assertThat(text(bom.getDocumentElement(), "version")).isEqualTo(tandem);
        Map<String, String> pinned = new LinkedHashMap<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element d = (Element) dependencies.item(i);
            pinned.put(text(d, "groupId") + ":" + text(d, "artifactId"), text(d, "version"));
        }
        assertThat(pinned).isEqualTo(expected);
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String property(Document pom, String name) {
        return pom.getElementsByTagName(name).item(0).getTextContent().strip();
    }

    /** @return the text of {@code element}'s direct child {@code name} */
    private static String text(Element element, String name) {
        for (var child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        throw new AssertionError(element.getTagName() + " has no " + name);
    }
}
