# The Mini App: accounts on other CalDAV servers (docs/adr/0026): the form on the calendars
# screen and the connection on a mirrored calendar's screen.
# $server: the server's host; $username: the user name there; $count: calendars found.
# $state: waiting, failing or ok; $when: when it was last synced; $reason: why it failed (a code).
conn-title = Conectar outra conta de calendário
conn-hint = Seus calendários no iCloud, Fastmail, Nextcloud ou qualquer servidor CalDAV aparecem aqui, contam como horário ocupado e são atualizados a cada poucos minutos. Muitos provedores exigem uma senha de app para isso; ela fica guardada criptografada e nunca é mostrada de novo.
conn-server = Endereço do servidor ou seu e-mail
conn-username = Nome de usuário
conn-password = Senha de app
conn-add = Conectar
conn-added = { $count ->
    [one] Um calendário de { $server } conectado. Os eventos aparecem em até um minuto.
   *[other] { $count } calendários de { $server } conectados. Os eventos aparecem em até um minuto.
}
conn-section = Conta conectada
conn-from = { $server }, como { $username }
conn-status =
    { $state ->
        [waiting] Aguardando a primeira sincronização (em até um minuto).
        [failing] Não foi possível sincronizar ({ $reason }); nova tentativa mais tarde.
       *[ok] Em dia, sincronizado pela última vez { $when }.
    }
conn-two-way = As mudanças feitas aqui também vão para { $server }. Se um evento também foi alterado lá, a versão de { $server } é mantida e você é avisado.
conn-waiting = { $count ->
    [one] Uma mudança aguarda envio para { $server }.
   *[other] { $count } mudanças aguardam envio para { $server }.
}
conn-sync = Sincronizar agora
conn-syncing = Sincronizando de novo em até um minuto.
conn-remove = Desconectar
conn-remove-question = Desconectar { $server }? Nada muda em { $server }; aqui os calendários podem ficar como seus ou sair.
conn-keep = Manter os eventos aqui
conn-drop = Removê-los daqui
conn-removed = Desconectado de { $server }.
conn-google-title = Google Agenda
conn-google-hint = Conecte sua conta do Google: as agendas dela aparecem aqui, contam como horário ocupado e as mudanças vão nos dois sentidos. O Google pede sua permissão.
conn-google = Conectar o Google Agenda
conn-google-opened = O Google abre no seu navegador: permita o acesso do Televent lá e depois volte aqui.
