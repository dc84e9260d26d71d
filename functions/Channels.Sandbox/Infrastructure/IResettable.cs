namespace Channels.Sandbox.Infrastructure;

/// <summary>A singleton holding sandbox state that POST /sandbox/reset clears.</summary>
internal interface IResettable
{
    void Reset();
}
