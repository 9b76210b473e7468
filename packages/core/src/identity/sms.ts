/**
 * One-time codes by SMS on AWS, through Amazon SNS (the service Cognito itself sends its SMS
 * with). Cognito sends codes only for its own sign-up, which would create the pool's account
 * before the district's records hold the resident; here the records come first and the pool
 * follows them (`user/accounts.ts`), so the code goes out on its own. Transactional SMS, with
 * the message in Chinese. Chosen by `CODE_SENDER=sms` (the infra sets it); loaded only then.
 */
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { e164 } from "./cognito.ts";
import type { CodeSender, SentCode } from "./one-time-codes.ts";

export class SmsSender implements CodeSender {
  readonly kind = "sms";
  private readonly client = new SNSClient({});

  async send(sent: SentCode): Promise<void> {
    const what = sent.purpose === "register" ? "注册" : "登录";
    await this.client.send(
      new PublishCommand({
        PhoneNumber: e164(sent.phone),
        Message: `【网格】您的${what}验证码是 ${sent.code}，5分钟内有效。如非本人操作，请忽略本短信。`,
        MessageAttributes: { "AWS.SNS.SMS.SMSType": { DataType: "String", StringValue: "Transactional" } },
      }),
    );
  }
}
