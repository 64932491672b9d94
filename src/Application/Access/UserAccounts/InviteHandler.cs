using System.Security.Cryptography;
using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>Makes invites to register; only their hash is stored, so the answer is the one time a token is seen.</summary>
internal sealed class InviteHandler : IRequestHandler<CreateInviteCommand, Result<InviteCreated>>
{
    /// <summary>How long an invite lasts when the request does not say.</summary>
    public const int DefaultDays = 7;

    private readonly IUserInviteStore _invites;
    private readonly TimeProvider _time;

    public InviteHandler(IUserInviteStore invites, TimeProvider time)
    {
        _invites = invites;
        _time = time;
    }

    public async Task<Result<InviteCreated>> Handle(CreateInviteCommand request, CancellationToken cancellationToken)
    {
        if (!request.Caller.IsAdmin)
        {
            return AdminErrors.NotAllowed("create invites");
        }

        var token = "inv-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = _time.GetUtcNow();
        var email = request.Email?.Trim();
        var invite = new UserInvite(
            "invite-" + Guid.NewGuid().ToString("N"),
            KeySecret.Hash(token),
            email,
            request.Caller.UserId ?? request.Caller.KeyAlias,
            now,
            now.AddDays(request.ExpiresDays ?? DefaultDays));
        await _invites.InsertAsync(invite, cancellationToken).ConfigureAwait(false);
        return new InviteCreated(invite.InviteId, token, email, invite.ExpiresAt);
    }
}
