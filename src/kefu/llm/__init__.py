"""Language-model backends behind one Protocol (`kefu.llm.base.ChatModel`)."""
