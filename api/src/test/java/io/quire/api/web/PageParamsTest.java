package io.quire.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageParamsTest {

  @Test
  void absentOrEmptyParametersServeTheFirstPageOfTwenty() {
    for (PageParams params : List.of(PageParams.of(null, null), PageParams.of("", " "))) {
      assertThat(params.number()).isEqualTo(1);
      assertThat(params.size()).isEqualTo(PageParams.DEFAULT_PAGE_SIZE);
    }
  }

  @Test
  void aPageSizeAboveTheMaximumIsServedAsTheMaximum() {
    PageParams params = PageParams.of(" 3 ", "1000");

    assertThat(params.number()).isEqualTo(3);
    assertThat(params.size()).isEqualTo(PageParams.MAX_PAGE_SIZE);
  }

  @Test
  void everyBadParameterIsNamedInOne400() {
    ApiException e = catchThrowableOfType(ApiException.class, () -> PageParams.of("0", "many"));

    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
    assertThat(e.details())
        .isEqualTo(
            Map.of(
                "page", List.of("Ensure this value is greater than or equal to 1."),
                "page_size", List.of("Enter a valid value.")));
  }

  @Test
  void numbersThatAreNotPlainWholeNumbersAreRefused() {
    for (String text : List.of("1.5", "0x10", "99999999999", "-1", "1e3", "two")) {
      assertThat(catchThrowableOfType(ApiException.class, () -> PageParams.of(text, null)))
          .as(text)
          .isNotNull();
    }
  }
}
