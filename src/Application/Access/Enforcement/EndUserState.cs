namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>What enforcement needs to know of an end user (customer): blocked or not, its budget and allowed models.</summary>
public sealed record EndUserState(string UserId, bool Blocked, Authentication.LimitSet Limits);
