/**
 * Notices (通知): what the steps of a case tell units, offices and reporters on 企业微信, 钉钉, SMS and e-mail.
 * A notice is written to an outbox in the transaction of the step that causes it (listeners of the domain's events)
 * and sent after commit by any node: channel rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so each notice
 * goes out at most once per channel, within the channel's rate limit (batched) and outside its quiet hours.
 *
 * <p>Owns {@code notice_channel}, {@code notice_template}, {@code notice} and {@code notice_delivery}. It listens to
 * the escalation and discipline modules' events, reads cases through the cases module's API (never its table) and
 * counts quiet hours and the daily digest on the working calendar ({@code calendar :: api}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar :: api", "cases", "catalog", "clock", "discipline", "escalation", "security", "shared"})
package org.rectify.notices;
