namespace LlmPlatform.Api.Controllers.GatewayUser;

/// <summary>The body of <c>POST /v1/users/invites</c>: the e-mail the invite is for (any when absent), and how many days it lasts (default 7).</summary>
public sealed record CreateInviteRequest(string? Email, int? ExpiresDays);
