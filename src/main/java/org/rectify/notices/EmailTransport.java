package org.rectify.notices;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP ({@code smtp://host:port}, or {@code smtps://} for TLS from the start): one mail carries the batch.
 * Settings: {@code from} (default rectify@localhost), {@code username} (the password is the channel's secret),
 * {@code starttls} ("true").
 */
@Component
class EmailTransport implements Transport {

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public void send(Channel channel, List<Outgoing> notices) throws DeliveryFailed {
        URI uri = URI.create(channel.endpoint());
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost(uri.getHost());
        mail.setPort(uri.getPort() > 0 ? uri.getPort() : "smtps".equals(uri.getScheme()) ? 465 : 25);
        mail.setProtocol(uri.getScheme());
        mail.setDefaultEncoding("UTF-8");
        String username = channel.setting("username", null);
        if (username != null) {
            mail.setUsername(username);
            mail.setPassword(channel.secret());
        }
        Properties props = new Properties();
        props.put("mail." + uri.getScheme() + ".auth", String.valueOf(username != null));
        props.put("mail." + uri.getScheme() + ".starttls.enable", channel.setting("starttls", "false"));
        props.put("mail." + uri.getScheme() + ".connectiontimeout", "5000");
        props.put("mail." + uri.getScheme() + ".timeout", "10000");
        mail.setJavaMailProperties(props);
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(channel.setting("from", "rectify@localhost"));
            helper.setTo(channel.recipientList().toArray(String[]::new));
            helper.setSubject(notices.size() == 1 ? notices.get(0).subject() : "整改通知（" + notices.size() + "条）");
            helper.setText(notices.stream().map(n -> n.subject() + "\n\n" + n.body())
                    .collect(Collectors.joining("\n\n----------\n\n")));
            mail.send(message);
        } catch (MessagingException | MailException e) {
            throw new DeliveryFailed("邮件发送失败：" + e.getClass().getSimpleName() + " " + HttpJson.abbreviate(e.getMessage()), e);
        }
    }
}
