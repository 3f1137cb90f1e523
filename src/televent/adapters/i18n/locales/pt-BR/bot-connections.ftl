## Connecting a Google account from the bot (docs/adr/0034): /google.
## $email: the Google account; $count: its calendars here; $state: waiting, failing or ok;
## $reason: why its last sync failed (a code such as unauthorized).

bot-google-off = 🔌 Este servidor não está configurado para conectar o Google Agenda. Você ainda pode seguir o endereço iCal secreto de uma agenda do Google com /subscribe.
bot-google-connect = 🔄 Conecte seu Google Agenda: o Google pede que você escolha a conta e permita que o Televent use as agendas dela. Elas aparecem entre as suas agendas em um minuto, contam como horário ocupado para seus links de agendamento e as mudanças vão nos dois sentidos.
bot-google-link-rules = O link funciona uma vez, por 10 minutos.
bot-google-link = Abra este link no seu navegador:
bot-google-head = <b>Contas do Google conectadas</b>
bot-google-line = • { $email } — { $count ->
        [one] uma agenda
       *[other] { $count } agendas
    }, { $state ->
        [waiting] aguardando a primeira sincronização
        [failing] com falhas ({ $reason })
       *[ok] em dia
    }
bot-google-manage = Para desconectar uma, abra /app: Agendas e depois a conexão da agenda.
