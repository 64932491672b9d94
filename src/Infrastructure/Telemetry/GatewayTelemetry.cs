using System.Diagnostics;
using System.Diagnostics.Metrics;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Infrastructure.Ledger;

namespace LlmPlatform.Infrastructure.Telemetry;

/// <summary>
/// The gateway's traces and metrics, named after OpenTelemetry's GenAI semantic conventions where they exist:
/// one span per upstream attempt, and per-request counters and histograms recorded from the usage event.
/// </summary>
public sealed class GatewayTelemetry : IDisposable
{
    public const string Name = "LlmPlatform.Gateway";

    private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly double[] TokenBuckets = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144];

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<long> _tokens;
    private readonly Counter<double> _cost;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _timeToFirstToken;
    private readonly Counter<long> _cooldowns;

    public GatewayTelemetry(IMeterFactory meters, SpendLedger ledger)
    {
        _meter = meters.Create(Name);
        _requests = _meter.CreateCounter<long>("llmplatform.requests", "{request}", "Gateway requests by model group, deployment, key alias, team and status.");
        _tokens = _meter.CreateHistogram<long>("gen_ai.client.token.usage", "{token}", "Tokens per request, by gen_ai.token.type (input or output).", advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = TokenBuckets.Select(b => (long)b).ToArray() });
        _cost = _meter.CreateCounter<double>("llmplatform.cost", "USD", "What the requests cost.");
        _duration = _meter.CreateHistogram<double>("gen_ai.client.operation.duration", "s", "Request latency through the gateway.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _timeToFirstToken = _meter.CreateHistogram<double>("gen_ai.server.time_to_first_token", "s", "Time to the first streamed chunk.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _cooldowns = _meter.CreateCounter<long>("llmplatform.deployment.cooldowns", "{cooldown}", "Times a deployment was put in cooldown after failures.");
        _meter.CreateObservableGauge("llmplatform.ledger.queue_depth", () => ledger.Pending, "{row}", "Spend rows waiting in memory for the ledger writer.");
        _meter.CreateObservableCounter("llmplatform.ledger.spilled", () => ledger.Spill.Spilled, "{row}", "Spend rows written to the on-disk spill.");
        _meter.CreateObservableCounter("llmplatform.ledger.degraded", () => ledger.Degraded, "{row}", "Spend rows PostgreSQL refused whole, written without their optional fields.");
        _meter.CreateObservableCounter("llmplatform.ledger.rejected", () => ledger.Spill.Rejected, "{row}", "Spend rows PostgreSQL refused even so, set aside in the rejected file.");
    }

    public ActivitySource Source { get; } = new(Name);

    public void Record(UsageEvent usage)
    {
        var tags = new TagList
        {
            { "gen_ai.operation.name", usage.CallType },
            { "gen_ai.system", usage.Provider ?? "none" },
            { "gen_ai.request.model", usage.ModelGroup ?? "unknown" },
            { "llmplatform.deployment", usage.DeploymentId ?? "none" },
            { "llmplatform.key_alias", usage.KeyAlias ?? "none" },
            { "llmplatform.team", usage.TeamId ?? "none" },
            { "llmplatform.status", usage.Status },
        };
        _requests.Add(1, tags);
        _cost.Add((double)usage.Cost, tags);
        _duration.Record((usage.EndTime - usage.StartTime).TotalSeconds, tags);
        if (usage.FirstTokenTime is { } first)
        {
            _timeToFirstToken.Record((first - usage.StartTime).TotalSeconds, tags);
        }

        var input = tags;
        input.Add("gen_ai.token.type", "input");
        _tokens.Record(usage.PromptTokens, input);
        var output = tags;
        output.Add("gen_ai.token.type", "output");
        _tokens.Record(usage.CompletionTokens, output);
    }

    public void CooledDown(ModelDeployment deployment) =>
        _cooldowns.Add(1, new TagList { { "gen_ai.request.model", deployment.ModelName }, { "llmplatform.deployment", deployment.Id } });

    /// <summary>Starts the span of one upstream attempt (null when nobody listens).</summary>
    public Activity? StartAttempt(ModelDeployment deployment)
    {
        var activity = Source.StartActivity("chat " + deployment.UpstreamModel, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("gen_ai.operation.name", "chat");
            activity.SetTag("gen_ai.system", deployment.Provider);
            activity.SetTag("gen_ai.request.model", deployment.UpstreamModel);
            activity.SetTag("llmplatform.model_group", deployment.ModelName);
            activity.SetTag("llmplatform.deployment", deployment.Id);
        }

        return activity;
    }

    public void Dispose()
    {
        Source.Dispose();
        _meter.Dispose();
    }
}
