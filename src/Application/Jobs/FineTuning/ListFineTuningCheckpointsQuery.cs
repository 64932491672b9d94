using System.Text.Json.Nodes;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>A job's checkpoints (<c>fine_tuning.job.checkpoint</c>), newest first.</summary>
public sealed record ListFineTuningCheckpointsQuery(CallerIdentity Caller, string Id, int? Limit, string? After) : IQuery<ListPage<JsonObject>>;
