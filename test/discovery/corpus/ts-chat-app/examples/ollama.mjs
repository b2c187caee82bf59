import ollama from "ollama";

const reply = await ollama.chat({ model: "llama3.1", messages: [{ role: "user", content: "Hello" }] });
console.log(reply.message.content);
