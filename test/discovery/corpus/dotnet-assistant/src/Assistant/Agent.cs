using System;

namespace Assistant.Domain;

// A help-desk agent record. No AI here.
public class Agent
{
    public Kernel Kernel { get; } = new Kernel();
    public string Model { get; set; } = "standard";
}

public class Kernel { }

public class ChatClient
{
    public static ChatClient Create() => new ChatClient();
}
