package com.example.bot;

import java.util.List;

/** A support agent (a person), not an AI agent. */
public class Agent {
    private final Client client = new Client();
    private final String model = "tier-2";

    public List<String> pipeline(List<String> tickets) {
        return tickets.stream().map(client::assign).toList();
    }

    static class Client {
        String assign(String ticket) {
            return ticket;
        }
    }
}
