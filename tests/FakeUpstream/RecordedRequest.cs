namespace LlmPlatform.FakeUpstream;

/// <summary>A request the fake received, for tests to inspect.</summary>
public sealed record RecordedRequest(string Route, string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
