namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>An event or checkpoint of a job as the provider reported it (<see cref="Body"/> is its JSON object).</summary>
public sealed record MirroredItem(string Id, DateTimeOffset CreatedAt, string Body);
