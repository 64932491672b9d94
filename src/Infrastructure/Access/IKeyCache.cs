namespace LlmPlatform.Infrastructure.Access;

/// <summary>Drops cached keys after a change, so that a block or delete takes effect at once.</summary>
public interface IKeyCache
{
    void Invalidate(string keyHash);

    void InvalidateTeam(string teamId);

    void InvalidateAll();
}
