namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>Invites to register, kept as hashes; each is used once.</summary>
public interface IUserInviteStore
{
    Task InsertAsync(UserInvite invite, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the invite used by <paramref name="email"/>, in one statement, if it is unused, unexpired and names that
    /// e-mail or none; false otherwise (so two registrations can never use one invite).
    /// </summary>
    Task<bool> TryUseAsync(string tokenHash, string email, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Makes a used invite usable again (its registration failed after using it).</summary>
    Task ReleaseAsync(string tokenHash, CancellationToken cancellationToken);
}
