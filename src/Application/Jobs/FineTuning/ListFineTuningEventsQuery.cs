using System.Text.Json.Nodes;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>A job's events (<c>fine_tuning.job.event</c>), newest first.</summary>
public sealed record ListFineTuningEventsQuery(CallerIdentity Caller, string Id, int? Limit, string? After) : IQuery<ListPage<JsonObject>>;
