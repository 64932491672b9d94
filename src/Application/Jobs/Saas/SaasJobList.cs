namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>A page of jobs: <see cref="Total"/> counts every job the filter matches.</summary>
public sealed record SaasJobList(string? TeamId, int Total, int Limit, int Offset, IReadOnlyList<SaasJob> Jobs);
