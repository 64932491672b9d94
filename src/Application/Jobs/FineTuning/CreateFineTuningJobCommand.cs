using System.Text.Json;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary><c>POST /v1/fine_tuning/jobs</c>: fine-tune <see cref="Model"/> on an owned file at the provider that serves it.</summary>
public sealed record CreateFineTuningJobCommand(
    CallerIdentity Caller,
    string? TrainingFile,
    string? ValidationFile,
    string? Model,
    JsonElement? Hyperparameters,
    string? Suffix,
    long? Seed,
    JsonElement? Metadata) : ICommand<FineTuningJobObject>;
