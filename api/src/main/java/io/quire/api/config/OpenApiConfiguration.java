package io.quire.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.api.accounts.CurrentUser;
import io.quire.api.accounts.Viewer;
import io.quire.api.accounts.WithoutTokens;
import io.quire.api.errors.ApiErrors;
import io.quire.api.errors.ErrorCode;
import io.quire.api.errors.ErrorEnvelope;
import io.quire.kernel.orgs.OrgAccess;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.annotations.ParameterObject;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The OpenAPI document at {@code /api/schema/}: title "Quire API", paths written with their
 * trailing slash as in the contract, the token scheme, and every error response of every operation
 * with the {@link ErrorEnvelope} schema.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String TOKEN_SCHEME = "token";
  private static final String ENVELOPE_REF = "#/components/schemas/ErrorEnvelope";

  static {
    SpringDocUtils.getConfig()
        .addRequestWrapperToIgnore(CurrentUser.class, Viewer.class, OrgAccess.class);
  }

  /** Documents bodies with the API's own object mapper, so schemas show snake_case names. */
  @Bean
  ModelResolver modelResolver(ObjectMapper objectMapper) {
    return new ModelResolver(objectMapper);
  }

  @Bean
  OpenAPI quireOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Quire API")
                .version("v1")
                .description(
                    "Publishing and team work over an event-sourced core. Errors always answer "
                        + "the JSON envelope {\"error\": {\"code\", \"message\", \"details\"}}. "
                        + "Every path is served the same with or without its trailing slash. "
                        + "A query string over 8192 bytes answers 400 `validation_error` on "
                        + "`query`. Every answer carries `X-Request-Id`: the request's own when "
                        + "it sent one of 1-64 characters of `[A-Za-z0-9._-]`, otherwise a new "
                        + "UUID; the events a request causes record it (`request_id` in the "
                        + "audit log).")
                .license(new License().name("Proprietary")))
        // Relative: the API is where the document is. (springdoc would otherwise write the
        // address each request came in on, so the document would differ by host and port.)
        .servers(List.of(new Server().url("/").description("The server of this document")))
        .components(
            new Components()
                .addSecuritySchemes(
                    TOKEN_SCHEME,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("Authorization")
                        .description("`Token <token>` or `Bearer <token>`")));
  }

  /** Adds the token requirement and the error responses each operation can answer. */
  @Bean
  GlobalOperationCustomizer errorResponses() {
    return (operation, handler) -> {
      Set<ErrorCode> codes = new LinkedHashSet<>();
      codes.add(ErrorCode.NOT_FOUND);
      codes.add(ErrorCode.METHOD_NOT_ALLOWED);
      codes.add(ErrorCode.INTERNAL_ERROR);
      boolean secured =
          Arrays.stream(handler.getMethodParameters())
              .anyMatch(p -> p.getParameterType() == CurrentUser.class);
      if (secured) {
        operation.addSecurityItem(new SecurityRequirement().addList(TOKEN_SCHEME));
        codes.add(ErrorCode.NOT_AUTHENTICATED);
      }
      boolean tokenOptional =
          Arrays.stream(handler.getMethodParameters())
              .anyMatch(p -> p.getParameterType() == Viewer.class);
      if (tokenOptional) {
        // With a token or without one (an empty requirement).
        operation.addSecurityItem(new SecurityRequirement().addList(TOKEN_SCHEME));
        operation.addSecurityItem(new SecurityRequirement());
      }
      if (!secured && !tokenOptional) {
        // Public (registration, sign-in, probes, signed webhooks): `security: []` says so
        // explicitly, where a missing list would leave it to a global default.
        operation.setSecurity(new ArrayList<>());
      }
      boolean hasBody =
          Arrays.stream(handler.getMethodParameters())
              .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
      if (hasBody) {
        codes.add(ErrorCode.VALIDATION_ERROR);
        codes.add(ErrorCode.PAYLOAD_TOO_LARGE);
        codes.add(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
      }
      boolean hasQueryParameters =
          Arrays.stream(handler.getMethodParameters())
              .anyMatch(
                  p ->
                      p.hasParameterAnnotation(RequestParam.class)
                          || p.hasParameterAnnotation(ParameterObject.class));
      if (hasQueryParameters) {
        // A page number, a filter or a timestamp in the query string can be wrong too.
        codes.add(ErrorCode.VALIDATION_ERROR);
      }
      boolean hasPathParameters =
          Arrays.stream(handler.getMethodParameters())
              .anyMatch(
                  p ->
                      p.hasParameterAnnotation(PathVariable.class)
                          || p.getParameterType() == OrgAccess.class);
      if (hasPathParameters) {
        // A path value that does not decode (a bad escape, an encoded NUL, bytes that are not
        // UTF-8) is refused before it reaches the operation (found by the schema-driven fuzzing).
        codes.add(ErrorCode.VALIDATION_ERROR);
      }
      ApiErrors declared = handler.getMethodAnnotation(ApiErrors.class);
      if (declared != null) {
        codes.addAll(Arrays.asList(declared.value()));
      }
      addErrors(operation, codes, !handler.getBeanType().isAnnotationPresent(WithoutTokens.class));
      return operation;
    };
  }

  private static void addErrors(Operation operation, Set<ErrorCode> codes, boolean tokens) {
    // A token that names no account is refused wherever tokens are read, and a body may fail to
    // parse.
    if (tokens) {
      codes.add(ErrorCode.INVALID_TOKEN);
    }
    if (codes.contains(ErrorCode.VALIDATION_ERROR)) {
      codes.add(ErrorCode.MALFORMED_JSON);
    }
    Map<String, List<String>> codesByStatus = new TreeMap<>();
    codes.forEach(
        code ->
            codesByStatus
                .computeIfAbsent(Integer.toString(code.status().value()), s -> new ArrayList<>())
                .add("`" + code.code() + "`"));
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    codesByStatus.forEach(
        (status, wireCodes) ->
            responses.computeIfAbsent(
                status,
                s ->
                    new ApiResponse()
                        .description("Error: " + String.join(", ", wireCodes))
                        .content(
                            new Content()
                                .addMediaType(
                                    org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                                    new MediaType().schema(new Schema<>().$ref(ENVELOPE_REF))))));
    operation.setResponses(responses);
  }

  /**
   * A nullable property whose type has a schema of its own ({@code assigned_to}, {@code
   * created_by}, a history entry's {@code actor}). OpenAPI 3.0 ignores {@code nullable} beside a
   * {@code $ref} (springdoc drops it), so generated clients would refuse the nulls the API sends;
   * such a property is written as {@code allOf} its reference instead, which may be nullable (and
   * gets its {@code type} in {@link #nullableReferenceTypes()}).
   */
  @Bean
  PropertyCustomizer nullableReferences() {
    return (property, type) -> {
      if (property == null || property.get$ref() == null || type.getCtxAnnotations() == null) {
        return property;
      }
      boolean nullable =
          Arrays.stream(type.getCtxAnnotations())
              .anyMatch(
                  annotation ->
                      annotation instanceof io.swagger.v3.oas.annotations.media.Schema schema
                          && schema.nullable());
      if (!nullable) {
        return property;
      }
      Schema<?> reference = new Schema<>().$ref(property.get$ref());
      ComposedSchema nullableReference = new ComposedSchema();
      nullableReference.addAllOfItem(reference);
      nullableReference.setNullable(true);
      nullableReference.setDescription(property.getDescription());
      return nullableReference;
    };
  }

  /**
   * The nullable references of {@link #nullableReferences()} say {@code type: object}: in OpenAPI
   * 3.0 {@code nullable} only means something beside a {@code type}, and linters reject it without
   * one. Set here, on the finished document: swagger-core turns a property of type {@code object}
   * whose class has a schema of its own back into a bare {@code $ref}, which cannot be nullable.
   */
  @Bean
  GlobalOpenApiCustomizer nullableReferenceTypes() {
    return openApi -> {
      if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
        return;
      }
      for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
          continue;
        }
        for (Schema<?> property : properties.values()) {
          if (Boolean.TRUE.equals(property.getNullable())
              && property.getType() == null
              && property.getAllOf() != null) {
            property.setType("object");
          }
        }
      }
    };
  }

  /**
   * Path ids ({@code taskId}, {@code userId}, ...) are UUIDs, as the contract says; the controllers
   * take them as strings so that any other value is a 404 like an unknown id, not a 400.
   */
  @Bean
  GlobalOperationCustomizer uuidPathIds() {
    return (operation, handler) -> {
      if (operation.getParameters() != null) {
        operation.getParameters().stream()
            .filter(p -> "path".equals(p.getIn()) && p.getName().endsWith("Id"))
            .filter(p -> p.getSchema() != null && "string".equals(p.getSchema().getType()))
            // A schema of its own: springdoc may share one string schema between parameters.
            .forEach(p -> p.setSchema(new StringSchema().format("uuid")));
      }
      return operation;
    };
  }

  /** Registers the envelope schema and writes every path with its trailing slash. */
  @Bean
  GlobalOpenApiCustomizer trailingSlashesAndEnvelope() {
    return openApi -> {
      ModelConverters.getInstance()
          .readAll(new AnnotatedType(ErrorEnvelope.class))
          .forEach(openApi.getComponents()::addSchemas);
      // details: field name -> list of messages, or any other useful value.
      Schema<?> details =
          (Schema<?>)
              openApi.getComponents().getSchemas().get("Error").getProperties().get("details");
      details.setAdditionalProperties(true);
      if (openApi.getPaths() == null) {
        return;
      }
      Paths withSlashes = new Paths();
      openApi
          .getPaths()
          .forEach(
              (path, item) ->
                  withSlashes.addPathItem(path.endsWith("/") ? path : path + "/", item));
      openApi.setPaths(withSlashes);
    };
  }
}
