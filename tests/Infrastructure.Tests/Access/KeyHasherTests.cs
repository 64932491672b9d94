using LlmPlatform.Infrastructure.Access;

namespace LlmPlatform.Infrastructure.Tests.Access;

public sealed class KeyHasherTests
{
    [Test]
    public void HashesEqual_TellsTheSameHashFromAnother()
    {
        var hash = KeyHasher.Hash("sk-master-1234");
        KeyHasher.HashesEqual(KeyHasher.Hash("sk-master-1234"), hash).Should().BeTrue();
        KeyHasher.HashesEqual(KeyHasher.Hash("sk-master-1235"), hash).Should().BeFalse();
        KeyHasher.HashesEqual(hash[..63], hash).Should().BeFalse();
        KeyHasher.HashesEqual(string.Empty, hash).Should().BeFalse();
    }
}
