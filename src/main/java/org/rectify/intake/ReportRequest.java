package org.rectify.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.rectify.catalog.ReportSource;
import org.rectify.catalog.Severity;

/** A problem report as the API takes it. Photos travel inside the JSON as base64 so the report is one atomic request. */
public record ReportRequest(
        @NotBlank(message = "请填写问题类别代码 categoryCode") @Size(max = 40, message = "问题类别代码过长") String categoryCode,
        @NotNull(message = "请填写问题来源 source") ReportSource source,
        @NotNull(message = "请填写严重程度 severity（GENERAL 一般、SERIOUS 较重、URGENT 紧急）") Severity severity,
        @NotBlank(message = "请填写标题 title") @Size(max = 200, message = "标题不能超过 200 个字") String title,
        @NotBlank(message = "请填写问题描述 description") @Size(max = 4000, message = "问题描述不能超过 4000 个字") String description,
        @NotNull(message = "请填写问题位置 location") @Valid Location location,
        @Size(max = 9, message = "一次最多上传 9 张照片") List<@NotNull(message = "照片不能为 null") @Valid Photo> photos,
        @NotNull(message = "请填写报告人 reporter") @Valid Reporter reporter) {

    public record Location(
            @NotBlank(message = "请填写地址 location.address") @Size(max = 300, message = "地址不能超过 300 个字") String address,
            @DecimalMin(value = "-90", message = "纬度应在 -90 到 90 之间") @DecimalMax(value = "90", message = "纬度应在 -90 到 90 之间") BigDecimal latitude,
            @DecimalMin(value = "-180", message = "经度应在 -180 到 180 之间") @DecimalMax(value = "180", message = "经度应在 -180 到 180 之间") BigDecimal longitude,
            @Size(max = 40, message = "网格代码过长") String gridCode) {
    }

    public record Photo(
            @Size(max = 200, message = "照片文件名不能超过 200 个字符") String fileName,
            @NotBlank(message = "照片内容 contentBase64 不能为空") String contentBase64) {
    }

    public record Reporter(
            @NotBlank(message = "请填写报告人标识 reporter.id（如账号、工号或手机号）") @Size(max = 100, message = "报告人标识过长") String id,
            @Size(max = 100, message = "报告人姓名过长") String name,
            @Size(max = 30, message = "联系电话过长") String phone) {
    }
}
