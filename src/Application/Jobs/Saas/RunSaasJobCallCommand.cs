using System.Text.Json;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>
/// <c>POST /api/jobs/{job_id}/llm-call</c> (and <c>-stream</c>): one chat completion within a job, through the whole
/// gateway (limits, budgets, routing, the ledger). A whole answer is recorded on the job at once; a stream is recorded
/// when it ends (<see cref="RecordSaasJobCallCommand"/>).
/// </summary>
public sealed record RunSaasJobCallCommand(
    string JobId,
    ChatCompletionRequest Request,
    string? Purpose,
    Dictionary<string, JsonElement>? CallMetadata,
    CallerIdentity Caller,
    string RequestId) : ICommand<SaasJobCallStart>;
