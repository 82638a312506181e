package io.quire.command.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import io.quire.kernel.privacy.PersonalData;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Seals the {@link PersonalData} components of what an object mapper writes with their person's key
 * ({@link PersonalDataCipher}), and opens them when it reads: with this module on the mapper that
 * writes events, the stored payload holds {@code pd1:...} where the text was, and everything that
 * reads events through the mapper sees the text, or {@value PersonalDataCipher#ERASED} once the
 * person's key is destroyed. A payload written before (plain text) reads as it is.
 *
 * <p>Registered on Axon's object mapper ({@code defaultAxonObjectMapper}): the events' payloads are
 * sealed as the event store writes them, and opened wherever they are read (aggregates,
 * projections, replays, the audit log). A marked text whose record names no person (a task an
 * integration created) is nobody's personal data and is written as it is.
 */
public final class PersonalDataModule extends SimpleModule {

  private final transient PersonalDataCipher cipher;

  public PersonalDataModule(PersonalDataCipher cipher) {
    super("quire-personal-data");
    this.cipher = cipher;
    setSerializerModifier(new Sealing(cipher));
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    context.insertAnnotationIntrospector(new Opening(cipher));
  }

  /** Replaces the writer of each personal text component with one that seals it. */
  private static final class Sealing extends BeanSerializerModifier {

    private final PersonalDataCipher cipher;

    Sealing(PersonalDataCipher cipher) {
      this.cipher = cipher;
    }

    @Override
    public List<BeanPropertyWriter> changeProperties(
        SerializationConfig config, BeanDescription description, List<BeanPropertyWriter> writers) {
      Map<String, BeanPropertyWriter> byName =
          writers.stream()
              .collect(Collectors.toMap(BeanPropertyWriter::getName, Function.identity()));
      return writers.stream()
          .map(
              writer -> {
                PersonalData mark = writer.getAnnotation(PersonalData.class);
                if (mark == null) {
                  return writer;
                }
                BeanPropertyWriter subject = byName.get(mark.subject());
                if (subject == null) {
                  throw new IllegalStateException(
                      description.getBeanClass().getName()
                          + "."
                          + writer.getName()
                          + " names no component "
                          + mark.subject()
                          + " as its subject");
                }
                return new SealedWriter(writer, subject, cipher);
              })
          .toList();
    }
  }

  /** Writes a personal text sealed with the key of the person its record names. */
  private static final class SealedWriter extends BeanPropertyWriter {

    private final BeanPropertyWriter subject;
    private final PersonalDataCipher cipher;

    SealedWriter(BeanPropertyWriter text, BeanPropertyWriter subject, PersonalDataCipher cipher) {
      super(text);
      this.subject = subject;
      this.cipher = cipher;
    }

    @Override
    public void serializeAsField(Object bean, JsonGenerator out, SerializerProvider provider)
        throws Exception {
      Object text = get(bean);
      if (text == null) {
        super.serializeAsField(bean, out, provider);
        return;
      }
      Object person = subject.get(bean);
      if (person == null) {
        // Text no person wrote (a task an integration created): nobody's personal data.
        super.serializeAsField(bean, out, provider);
        return;
      }
      out.writeFieldName(getName());
      out.writeString(cipher.seal(person.toString(), text.toString()));
    }
  }

  /** Reads each personal text component through the cipher. */
  private static final class Opening extends NopAnnotationIntrospector {

    private final PersonalDataCipher cipher;

    Opening(PersonalDataCipher cipher) {
      this.cipher = cipher;
    }

    @Override
    public Object findDeserializer(Annotated annotated) {
      return annotated.hasAnnotation(PersonalData.class) ? new OpenedText(cipher) : null;
    }
  }

  /** A string as stored, opened: the text, {@code "[erased]"}, or an old plain value as it is. */
  private static final class OpenedText extends StdDeserializer<String> {

    private final transient PersonalDataCipher cipher;

    OpenedText(PersonalDataCipher cipher) {
      super(String.class);
      this.cipher = cipher;
    }

    @Override
    public String deserialize(JsonParser in, DeserializationContext context) throws IOException {
      return cipher.open(in.getValueAsString());
    }
  }
}
