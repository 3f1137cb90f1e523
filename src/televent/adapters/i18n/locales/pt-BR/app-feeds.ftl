# The Mini App: a calendar published as a feed, on its people screen (docs/adr/0022).
feeds-title = Assinar em outros apps de agenda
feeds-hint = Um link secreto que o Google Agenda, o Outlook ou o Calendário da Apple podem assinar. Qualquer pessoa com o link vê esta agenda.
feeds-busy-only = Só horários ocupados (sem títulos nem detalhes)
feeds-publish = Publicar como link
feeds-publish-again = Novo link (o anterior para de funcionar)
feeds-published = Publicada como link.
feeds-published-busy = Publicada como link, só horários ocupados.
feeds-not-published = Não publicada.
feeds-link = Link
feeds-copy = Copiar link
feeds-copied = Link copiado
feeds-once = Copie agora: o link só é mostrado esta vez.
feeds-stop = Parar de publicar
feeds-stop-question = Parar de publicar “{ $name }”? Os apps que assinam o link deixam de recebê-la.
feeds-stopped = O link não funciona mais.
