package io.quire.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.api.accounts.CurrentUserArgumentResolver;
import io.quire.api.accounts.TokenAuthenticationInterceptor;
import io.quire.api.audit.AuditParametersArgumentResolver;
import io.quire.api.errors.FilterErrors;
import io.quire.api.errors.JsonErrorReportValve;
import io.quire.api.orgs.OrgAccessArgumentResolver;
import io.quire.api.orgs.OrgAccessInterceptor;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** HTTP behaviour shared by every endpoint. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private final TokenAuthenticationInterceptor authentication;
  private final OrgAccessInterceptor orgAccess;
  private final ObjectMapper json;
  private final DataSize keptPageBodies;

  WebConfiguration(
      TokenAuthenticationInterceptor authentication,
      OrgAccessInterceptor orgAccess,
      ObjectMapper json,
      @Value("${quire.kept-page-bodies-size}") DataSize keptPageBodies) {
    this.authentication = authentication;
    this.orgAccess = orgAccess;
    this.json = json;
    this.keptPageBodies = keptPageBodies;
  }

  /**
   * List pages are written by {@link KeptPageBodies}, ahead of Spring's Jackson converter (with the
   * same object mapper, so the bytes are the same).
   */
  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.add(0, new KeptPageBodies(json, keptPageBodies.toBytes()));
  }

  /** Request mappings that skip, in a few string comparisons, those whose path cannot match. */
  @Bean
  WebMvcRegistrations pathShapeMappings() {
    return new WebMvcRegistrations() {
      @Override
      public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new PathShapeMappings();
      }
    };
  }

  /**
   * Every request's id, first of all, so that every other filter's answers and log lines carry it
   * ({@link RequestIdFilter}).
   */
  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    var registration = new FilterRegistrationBean<>(new RequestIdFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Paths answer the same with or without their trailing slash, with no redirect: a request for
   * {@code /x/} is served as {@code /x}. Controllers map paths without the slash; the OpenAPI
   * document lists them with it, as the contract writes them.
   */
  @Bean
  FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
    var registration =
        new FilterRegistrationBean<>(
            UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build());
    // Right after the request id.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
      @Value("${quire.max-request-body-size}") DataSize limit, FilterErrors errors) {
    var registration =
        new FilterRegistrationBean<>(new RequestBodyLimitFilter(limit.toBytes(), errors));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<TraceRequestFilter> traceRequestFilter(
      @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> mappings,
      FilterErrors errors) {
    var registration = new FilterRegistrationBean<>(new TraceRequestFilter(mappings, errors));
    // After the trailing-slash filter, so that /x/ is looked up as /x.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  @Bean
  FilterRegistrationBean<QueryTextFilter> queryTextFilter(FilterErrors errors) {
    var registration = new FilterRegistrationBean<>(new QueryTextFilter(errors));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** TRACE reaches the filters, which answer it ({@link TraceRequestFilter}). */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> traceReachesTheFilters() {
    return factory -> factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
  }

  /** Tomcat's own error reports are JSON too: no HTML error page is reachable. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonTomcatErrorReports() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
              }
            });
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    // In this order: who is calling, then whether they may see the org at all.
    registry.addInterceptor(authentication);
    registry.addInterceptor(orgAccess).addPathPatterns("/api/v1/orgs/*/**");
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CurrentUserArgumentResolver());
    resolvers.add(new OrgAccessArgumentResolver());
    resolvers.add(new PageParamsArgumentResolver());
    resolvers.add(new AuditParametersArgumentResolver());
  }
}
