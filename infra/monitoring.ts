import { Duration } from "aws-cdk-lib";
import type { IHttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  LogQueryWidget,
  MathExpression,
  Metric,
  TreatMissingData,
} from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";
import { TableKeys } from "../packages/core/src/storage/keys.ts";

const FIVE_MINUTES = Duration.minutes(5);

export interface MonitoringProps {
  stage: string;
  httpApi: IHttpApi;
  table: ITableV2;
  /** Who is told when an alarm fires (an SNS e-mail subscription each). Default: nobody yet (subscribe to the topic). */
  alarmEmails?: string[];
}

/**
 * Alarms and a dashboard for the stage: the API's 5xx rate, each function's errors and
 * throttles ({@link Monitoring.watchFunction}, for the API's function and any worker's), and
 * DynamoDB throttling on the table and its indexes. Every alarm notifies one SNS topic.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;
  readonly alarms: Alarm[] = [];
  private readonly stage: string;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.stage = props.stage;
    this.topic = new Topic(this, "AlarmTopic", { displayName: `Wangge alarms (${props.stage})` });
    for (const email of props.alarmEmails ?? []) this.topic.addSubscription(new EmailSubscription(email));
    this.dashboard = new Dashboard(this, "Dashboard", { dashboardName: `wangge-${props.stage}` });
    // Every alarm's state on top, those added later (a worker's) included: the widget reads the list when synthesised.
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: `Alarms (${props.stage})`, alarms: this.alarms, width: 24 }));

    const requests = props.httpApi.metricCount({ period: FIVE_MINUTES, statistic: "Sum" });
    const serverErrors = props.httpApi.metricServerError({ period: FIVE_MINUTES, statistic: "Sum" });
    const clientErrors = props.httpApi.metricClientError({ period: FIVE_MINUTES, statistic: "Sum" });
    // A rate over too few requests says little: below 20 requests in five minutes, no alarm.
    const serverErrorRate = new MathExpression({
      expression: "IF(requests >= 20, 100 * FILL(errors, 0) / requests, 0)",
      usingMetrics: { requests, errors: serverErrors },
      period: FIVE_MINUTES,
      label: "5xx (% of requests)",
    });
    this.addAlarm("Api5xxRate", {
      metric: serverErrorRate,
      threshold: 5,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      description:
        "More than 5% of API requests answered 5xx in two of the last three 5-minute periods (access log: the ApiAccessLogs log group; details: the function's log).",
    });

    const throttles = this.tableThrottles(props.table);
    this.addAlarm("TableThrottles", {
      metric: throttles,
      threshold: 1,
      evaluationPeriods: 1,
      description: "DynamoDB throttled reads or writes on the table or one of its indexes in the last 5 minutes.",
    });

    this.dashboard.addWidgets(
      new GraphWidget({ title: "API requests", left: [requests], right: [clientErrors, serverErrors], width: 12 }),
      new GraphWidget({
        title: "API latency (ms)",
        left: [
          props.httpApi.metricLatency({ period: FIVE_MINUTES, statistic: "p50" }),
          props.httpApi.metricLatency({ period: FIVE_MINUTES, statistic: "p99" }),
        ],
        width: 12,
      }),
      new GraphWidget({
        title: "DynamoDB capacity and throttles",
        left: [
          props.table.metricConsumedReadCapacityUnits({ period: FIVE_MINUTES, statistic: "Sum" }),
          props.table.metricConsumedWriteCapacityUnits({ period: FIVE_MINUTES, statistic: "Sum" }),
        ],
        right: [throttles],
        width: 12,
      }),
      new GraphWidget({ title: "API 5xx rate (%)", left: [serverErrorRate], width: 12 }),
    );
  }

  /**
   * Alarms on a function's errors and throttles, and its graphs and error log on the dashboard.
   * The API's function and a worker's each call this once.
   */
  watchFunction(id: string, fn: IFunction, options: { title: string; logGroupName: string }) {
    const errors = fn.metricErrors({ period: FIVE_MINUTES, statistic: "Sum" });
    const throttles = fn.metricThrottles({ period: FIVE_MINUTES, statistic: "Sum" });
    this.addAlarm(`${id}Errors`, {
      metric: errors,
      threshold: 3,
      evaluationPeriods: 1,
      description: `${options.title}: 3 or more failed invocations (crashes, timeouts) in 5 minutes; its log group: ${options.logGroupName}.`,
    });
    this.addAlarm(`${id}Throttles`, {
      metric: throttles,
      threshold: 1,
      evaluationPeriods: 1,
      description: `${options.title}: invocations throttled (concurrency limit) in the last 5 minutes.`,
    });
    this.dashboard.addWidgets(
      new GraphWidget({
        title: `${options.title}: invocations, errors, throttles`,
        left: [fn.metricInvocations({ period: FIVE_MINUTES, statistic: "Sum" })],
        right: [errors, throttles],
        width: 12,
      }),
      new GraphWidget({
        title: `${options.title}: duration (ms)`,
        left: [
          fn.metricDuration({ period: FIVE_MINUTES, statistic: "p50" }),
          fn.metricDuration({ period: FIVE_MINUTES, statistic: "p99" }),
        ],
        width: 12,
      }),
      new LogQueryWidget({
        title: `${options.title}: recent errors`,
        logGroupNames: [options.logGroupName],
        queryLines: [
          "fields @timestamp, level, operation, tenant, status, message, error.message, requestId",
          'filter level = "error" or @message like /Task timed out|Runtime\\./',
          "sort @timestamp desc",
          "limit 50",
        ],
        width: 24,
      }),
    );
  }

  /**
   * An alarm (at or above `threshold`) named `wangge-<stage>-<id>` that notifies the topic and
   * shows on the dashboard: e.g. a worker's dead-letter queue holding messages.
   */
  addAlarm(
    id: string,
    {
      description,
      ...props
    }: { metric: IMetric; threshold: number; evaluationPeriods: number; datapointsToAlarm?: number; description: string },
  ) {
    const alarm = new Alarm(this, id, {
      ...props,
      alarmName: `wangge-${this.stage}-${id}`,
      alarmDescription: description,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }

  /** Read and write throttle events of the table and of each index, summed. */
  private tableThrottles(table: ITableV2): IMetric {
    const metrics: Record<string, Metric> = {};
    const dimensionsFor = (index?: string) => ({
      TableName: table.tableName,
      ...(index ? { GlobalSecondaryIndexName: index } : {}),
    });
    for (const [key, index] of [["table", undefined], ...TableKeys.indexes.map((i) => [i.name, i.name])] as const) {
      for (const kind of ["Read", "Write"] as const) {
        metrics[`${kind.toLowerCase()}_${key}`] = new Metric({
          namespace: "AWS/DynamoDB",
          metricName: `${kind}ThrottleEvents`,
          dimensionsMap: dimensionsFor(index),
          period: FIVE_MINUTES,
          statistic: "Sum",
        });
      }
    }
    return new MathExpression({
      expression: `SUM([${Object.keys(metrics).join(", ")}])`,
      usingMetrics: metrics,
      period: FIVE_MINUTES,
      label: "Throttled reads and writes (table and indexes)",
    });
  }
}
