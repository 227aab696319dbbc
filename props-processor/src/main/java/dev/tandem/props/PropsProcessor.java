package dev.tandem.props;

import com.sun.source.tree.ImportTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * Writes {@code <Record>Settings<B>} for each {@link Settings} record: a field, a documented setter,
 * the {@code props()} call and the {@code from(record)} copy per component, so each setting is written
 * once (the component and its {@code @param}).
 */
@SupportedAnnotationTypes("dev.tandem.props.Settings")
public final class PropsProcessor extends AbstractProcessor {

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element e : round.getElementsAnnotatedWith(Settings.class)) {
            if (e.getKind() != ElementKind.RECORD) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "@Settings needs a record", e);
                continue;
            }
            try {
                write((TypeElement) e);
            } catch (IOException ex) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, ex.toString(), e);
            }
        }
        return true;
    }

    /** One component as the builder sees it. */
    private record Component(String name, String fieldType, String paramType, boolean optional, String init,
            List<String> doc) {
    }

    private void write(TypeElement record) throws IOException {
        String pkg = processingEnv.getElementUtils().getPackageOf(record).getQualifiedName().toString();
        String name = record.getSimpleName().toString();
        String generated = name + "Settings";
        Map<String, List<String>> docs = paramDocs(processingEnv.getElementUtils().getDocComment(record));
        List<Component> components = new ArrayList<>();
        for (RecordComponentElement c : record.getRecordComponents()) {
            String n = c.getSimpleName().toString();
            TypeMirror type = c.asType();
            TypeMirror inner = optionalOf(type);
            String fieldType = inner == null ? type.toString() : inner.toString();
            String paramType = fieldType;
            // a boxed value is set unboxed: null stays "unset" for validation to report, never a setter argument
            if (isBoxed(inner == null ? type : inner)) {
                paramType = processingEnv.getTypeUtils().unboxedType(inner == null ? type : inner).toString();
            }
            Default d = c.getAnnotation(Default.class);
            List<String> doc = docs.get(n);
            if (doc == null) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                        "@Settings: document " + n + " with @param in the record's Javadoc", c);
                doc = List.of(n);
            }
            components.add(new Component(n, fieldType, paramType, inner != null, d == null ? null : d.value(), doc));
        }
        StringBuilder s = new StringBuilder();
        s.append("package ").append(pkg).append(";\n\n");
        for (String imp : imports(record)) {
            s.append(imp);
        }
        // @Default expressions may name the record's constants, as a field initializer inside it could
        s.append("import static ").append(pkg).append('.').append(name).append(".*;\n");
        s.append("\n/**\n * The settings of {@link ").append(name).append("}, one setter per component, written by\n")
                .append(" * {@code dev.tandem.props.PropsProcessor} from the record's components and Javadoc.\n *\n")
                .append(" * @param <B> the concrete builder\n */\n")
                .append("@javax.annotation.processing.Generated(\"dev.tandem.props.PropsProcessor\")\n")
                .append("public abstract class ").append(generated).append("<B extends ").append(generated)
                .append("<B>> {\n");
        for (Component c : components) {
            s.append("    private ").append(c.fieldType()).append(' ').append(c.name())
                    .append(c.init() == null ? "" : " = " + c.init()).append(";\n");
        }
        s.append("\n    ").append(generated).append("() {\n    }\n");
        for (Component c : components) {
            s.append("\n    /**\n");
            for (int i = 0; i < c.doc().size(); i++) {
                s.append(i == 0 ? "     * @param value " : "     *              ").append(c.doc().get(i)).append('\n');
            }
            s.append("     * @return this builder\n     */\n");
            s.append("    public B ").append(c.name()).append('(').append(c.paramType()).append(" value) {\n")
                    .append("        this.").append(c.name()).append(" = value;\n        return self();\n    }\n");
        }
        s.append("\n    /** @return this builder, typed as the concrete one */\n")
                .append("    @SuppressWarnings(\"unchecked\")\n")
                .append("    protected final B self() {\n        return (B) this;\n    }\n");
        s.append("\n    /** @return the props as set so far */\n    protected ").append(name).append(" props() {\n")
                .append("        return new ").append(name).append('(');
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            s.append(i == 0 ? "" : ", ")
                    .append(c.optional() ? "java.util.Optional.ofNullable(" + c.name() + ")" : c.name());
        }
        s.append(");\n    }\n");
        s.append("\n    /**\n     * @param props props to start from\n")
                .append("     * @return this builder, holding every setting of {@code props}\n")
                .append("     */\n    protected B from(").append(name).append(" props) {\n");
        for (Component c : components) {
            s.append("        this.").append(c.name()).append(" = ").append(c.optional()
                    ? "props." + c.name() + "() == null ? null : props." + c.name() + "().orElse(null)"
                    : "props." + c.name() + "()").append(";\n");
        }
        s.append("        return self();\n    }\n}\n");
        try (Writer w = processingEnv.getFiler().createSourceFile(pkg + "." + generated, record).openWriter()) {
            w.write(s.toString());
        }
    }

    /** @return the element type of an {@code Optional<T>}, else null */
    private TypeMirror optionalOf(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED && type instanceof DeclaredType d
                && d.asElement().toString().equals("java.util.Optional") && d.getTypeArguments().size() == 1) {
            return d.getTypeArguments().get(0);
        }
        return null;
    }

    private boolean isBoxed(TypeMirror type) {
        try {
            processingEnv.getTypeUtils().unboxedType(type);
            return true;
        } catch (IllegalArgumentException notBoxed) {
            return false;
        }
    }

    /** The record's imports, so {@code @Default} expressions and Javadoc links read as in the record. */
    private List<String> imports(TypeElement record) {
        List<String> out = new ArrayList<>();
        TreePath path = Trees.instance(processingEnv).getPath(record);
        if (path != null) {
            for (ImportTree i : path.getCompilationUnit().getImports()) {
                out.add(i.toString());
            }
        }
        return out;
    }

    /** @return each {@code @param}'s text, by component name, one entry per source line */
    static Map<String, List<String>> paramDocs(String comment) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (comment == null) {
            return out;
        }
        List<String> current = null;
        for (String raw : comment.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("@") && !line.startsWith("@default")) {
                current = null;
                if (line.startsWith("@param ")) {
                    String rest = line.substring("@param ".length()).strip();
                    int space = rest.indexOf(' ');
                    String n = space < 0 ? rest : rest.substring(0, space);
                    current = new ArrayList<>();
                    if (space >= 0) {
                        current.add(rest.substring(space + 1).strip());
                    }
                    out.put(n, current);
                }
            } else if (current != null && !line.isEmpty()) {
                current.add(line);
            }
        }
        return out;
    }
}
