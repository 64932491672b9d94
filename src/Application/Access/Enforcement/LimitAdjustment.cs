namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>A correction to one counter when a request settles (the real cost instead of the reservation, tokens used, one request fewer in flight).</summary>
public sealed record LimitAdjustment(string Key, LimitKind Kind, long Delta, TimeSpan Ttl);
