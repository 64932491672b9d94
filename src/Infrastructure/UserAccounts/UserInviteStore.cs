using LlmPlatform.Application.Access.UserAccounts;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.UserAccounts;

/// <summary>Invites to register in PostgreSQL, with Dapper; using one is a single conditional update.</summary>
internal sealed class UserInviteStore : IUserInviteStore
{
    private const string InsertSql = """
        INSERT INTO user_invites (invite_id, token_hash, email, created_by, created_at, expires_at)
        VALUES (@InviteId, @TokenHash, @Email, @CreatedBy, @CreatedAt, @ExpiresAt)
        """;

    private const string UseSql = """
        UPDATE user_invites SET used_at = @now, used_by = @email
        WHERE token_hash = @tokenHash AND used_at IS NULL AND expires_at > @now
          AND (email IS NULL OR lower(email) = lower(@email))
        """;

    private const string ReleaseSql = "UPDATE user_invites SET used_at = NULL, used_by = NULL WHERE token_hash = @tokenHash";

    private readonly NpgsqlDataSource _dataSource;

    public UserInviteStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task InsertAsync(UserInvite invite, CancellationToken cancellationToken) =>
        await _dataSource.ExecuteAsync(
            InsertSql,
            new { invite.InviteId, invite.TokenHash, invite.Email, invite.CreatedBy, invite.CreatedAt, invite.ExpiresAt },
            cancellationToken).ConfigureAwait(false);

    public async Task<bool> TryUseAsync(string tokenHash, string email, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _dataSource.ExecuteAsync(UseSql, new { tokenHash, email, now }, cancellationToken).ConfigureAwait(false) == 1;

    public async Task ReleaseAsync(string tokenHash, CancellationToken cancellationToken) =>
        await _dataSource.ExecuteAsync(ReleaseSql, new { tokenHash }, cancellationToken).ConfigureAwait(false);
}
